package com.keyward.apikey;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before any application code runs (an encoded NUL in the path, headers
 * over the size limit) are answered by the host's error report valve. Under /api that answer is
 * an RFC 9457 problem, like every other API answer; elsewhere it stays Tomcat's minimal page
 * (no report, no server version).
 */
class ApiErrorReportValve extends ErrorReportValve {

    ApiErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String uri = request.getRequestURI();
        int status = response.getStatus();
        if (uri == null || !uri.startsWith("/api/")) {
            super.report(request, response, throwable);
            return;
        }
        // as Tomcat's own report: only an error nobody has answered yet
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        try {
            response.resetBuffer();
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(Problems.body(
                        status,
                        title,
                        status == 400 ? "The request's URL or headers are malformed or too large." : title + ".",
                        null));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client went away; nothing else to tell it
        }
    }

    /** Puts this valve in place of the host's plain one, innermost so that it answers first. */
    @Component
    static class Installer implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                var pipeline = context.getParent().getPipeline();
                for (Valve valve : pipeline.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        pipeline.removeValve(valve);
                    }
                }
                pipeline.addValve(new ApiErrorReportValve());
                ((org.apache.catalina.core.StandardHost) context.getParent())
                        .setErrorReportValveClass(ApiErrorReportValve.class.getName());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
