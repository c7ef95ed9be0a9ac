package com.keyward.apikey;

import com.keyward.ops.RequestIds;
import jakarta.annotation.Nullable;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** RFC 9457 problem+json bodies written by the API's security filters (before Spring MVC runs). */
final class Problems {

    private Problems() {}

    static void write(HttpServletResponse response, int status, String title, String detail, String instance)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body(status, title, detail, instance));
    }

    /** The problem document; {@code instance} is left out when null. */
    static String body(int status, String title, String detail, @Nullable String instance) {
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
