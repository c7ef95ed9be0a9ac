package com.keyward.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * SQL on the embedded database of a folder while no Keyward runs on it (the server is started for
 * the statements and stopped again): for end-to-end tests that change or read data behind
 * Keyward's back.
 */
public final class EmbeddedSql {

    private EmbeddedSql() {}

    /** Runs the statements in order. */
    public static void execute(Path home, String... statements) throws Exception {
        EmbeddedMariaDb db = EmbeddedMariaDb.start(home);
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), EmbeddedMariaDb.USER, db.password());
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } finally {
            db.stop();
        }
    }

    /** The first column of the first row of {@code query}, as text. */
    public static String value(Path home, String query) throws Exception {
        EmbeddedMariaDb db = EmbeddedMariaDb.start(home);
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), EmbeddedMariaDb.USER, db.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        } finally {
            db.stop();
        }
    }
}
