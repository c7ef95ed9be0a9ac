package com.keyward.directory;

/** The directory could not be asked (unreachable, refused the service account): nothing is judged on it. */
public class DirectoryUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DirectoryUnavailable(Throwable cause) {
        super("The directory cannot be reached: " + cause.getMessage(), cause);
    }
}
