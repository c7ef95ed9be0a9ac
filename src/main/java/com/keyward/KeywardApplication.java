package com.keyward;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class KeywardApplication {

    public static void main(String[] args) {
        try {
            SpringApplication.run(KeywardApplication.class, args);
        } catch (RuntimeException startFailure) {
            // Spring has already reported the cause; end the JVM so that no thread (the embedded
            // database's process watchers) keeps a failed start alive.
            System.exit(1);
        }
    }
}
