package com.keyward.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.e2e.KeywardProcess;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An operator's mistake in SPRING_DATASOURCE_URL (and its user and password) ends the start with
 * one cause line and one action line — never a stack trace.
 */
class DatabaseStartUpMessagesIT {

    static ExternalMariaDb database;

    @BeforeAll
    static void aDatabaseToMakeMistakesAbout() throws Exception {
        database = ExternalMariaDb.start();
    }

    @AfterAll
    static void stopIt() throws Exception {
        database.stopAndDelete();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no jdbc: prefix      | mariadb://127.0.0.1:PORT/keyward     | keyward  | RIGHT | does not start with \"jdbc:\" | Write SPRING_DATASOURCE_URL as jdbc:mariadb://",
                "unknown host         | jdbc:mariadb://db.invalid:3306/keyward | keyward | RIGHT | cannot be resolved | Correct the host name",
                "refused port         | jdbc:mariadb://127.0.0.1:FREE/keyward | keyward  | RIGHT | nothing accepts connections | Start MariaDB, or correct the host and port",
                "unknown database     | jdbc:mariadb://127.0.0.1:PORT/nosuchdb | keyward | RIGHT | does not exist, or the user has no rights | Create it",
                "wrong password       | jdbc:mariadb://127.0.0.1:PORT/keyward | keyward  | wrong | refused the user name or password | Correct SPRING_DATASOURCE_USERNAME",
                "unknown user         | jdbc:mariadb://127.0.0.1:PORT/keyward | mallory  | RIGHT | refused the user name or password | Correct SPRING_DATASOURCE_USERNAME"
            })
    void aWrongDatabaseSettingEndsInOneCauseAndOneAction(
            String mistake, String url, String user, String password, String cause, String action) throws Exception {
        String port = database.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1");
        String output = KeywardProcess.failedStart(Map.of(
                "SPRING_DATASOURCE_URL",
                url.replace("PORT", port).replace("FREE", Integer.toString(KeywardProcess.freePort())),
                "SPRING_DATASOURCE_USERNAME",
                user,
                "SPRING_DATASOURCE_PASSWORD",
                password.equals("RIGHT") ? database.password() : password));

        System.out.println("== " + mistake + ":\n" + output.substring(Math.max(0, output.indexOf("Description:"))));
        assertThat(output).contains("APPLICATION FAILED TO START");
        String description = output.substring(output.indexOf("Description:"));
        assertThat(description.lines().filter(line -> line.startsWith("Keyward cannot use its database:")))
                .singleElement()
                .asString()
                .contains(cause);
        assertThat(description.lines().filter(line -> line.startsWith(action))).hasSize(1);
        assertThat(output.lines().filter(line -> line.matches("\\s+at [\\w.$]+\\(.*")))
                .as("stack frames in the output")
                .isEmpty();
        assertThat(output).doesNotContain(database.password());
    }
}
