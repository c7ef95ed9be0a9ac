package com.keyward.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.context.support.GenericWebApplicationContext;

/** The README's demo command gives the LDIF as a plain path, to a web application's resource loader. */
class EmbeddedDirectoryTest {

    @Test
    void aPlainLdifPathIsReadAsAFileEvenInAWebApplication() throws Exception {
        var properties = new DirectoryProperties(
                "",
                "",
                null,
                "",
                "ou=people",
                "(uid={0})",
                "uid",
                "cn",
                "mail",
                true,
                "ou=groups",
                "(member={0})",
                Map.of(),
                Duration.ofMinutes(15),
                "src/test/resources/ldap/corp.ldif",
                "dc=corp");
        // a web context resolves a plain path against the servlet context, where no LDIF is
        var web = new GenericWebApplicationContext(new MockServletContext("no-such-folder"));
        try (EmbeddedDirectory directory = new EmbeddedDirectory(properties, web)) {
            assertThat(directory.url()).startsWith("ldap://127.0.0.1:").endsWith("/dc=corp");
            assertThat(directory.server().getEntry("uid=lena,ou=people,dc=corp"))
                    .isNotNull();
        }
    }
}
