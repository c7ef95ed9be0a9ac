package com.keyward.db;

/** SPRING_DATASOURCE_URL is not a JDBC URL: said before anything tries to connect with it. */
public class DatabaseUrlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DatabaseUrlException(String message) {
        super(message);
    }
}
