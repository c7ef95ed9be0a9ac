package com.keyward.apikey;

import com.keyward.ops.ProblemJson;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** RFC 9457 problem+json bodies written by the API's security filters (before Spring MVC runs). */
final class Problems {

    private Problems() {}

    static void write(HttpServletResponse response, int status, String title, String detail, String instance)
            throws IOException {
        ProblemJson.write(response, status, title, detail, instance);
    }
}
