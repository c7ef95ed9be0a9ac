package com.keyward.ops;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * RFC 9457 problem+json bodies written outside Spring MVC (filters, the container's error valve),
 * with the request's id like every problem MVC writes.
 */
public final class ProblemJson {

    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemJson() {}

    public static void write(HttpServletResponse response, int status, String title, String detail, String instance)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body(status, title, detail, instance));
    }

    /** The standard reason phrase of a status ("Error" for one without). */
    public static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    /** The problem document; {@code instance} is left out when null. */
    public static String body(int status, String title, String detail, @Nullable String instance) {
        String requestId = RequestIds.current();
        return "{\"type\":\"about:blank\",\"title\":" + json(title) + ",\"status\":" + status + ",\"detail\":"
                + json(detail) + (instance == null ? "" : ",\"instance\":" + json(instance))
                + (requestId == null ? "" : ",\"" + RequestIds.MDC_KEY + "\":" + json(requestId)) + "}";
    }

    private static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
