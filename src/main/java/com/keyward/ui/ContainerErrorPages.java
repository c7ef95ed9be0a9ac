package com.keyward.ui;

import com.keyward.ops.ProblemJson;
import com.keyward.ops.RequestIds;
import com.keyward.validation.Translations;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.MDC;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * What Tomcat answers itself, before any filter runs (a request line or headers over the size
 * limit, a URI it cannot decode, an encoded NUL in the path) or when nothing else wrote a body:
 * an RFC 9457 problem with the security headers every other response carries ({@link
 * SecurityHeaders}), never Tomcat's HTML page. Under /api the detail is English, like every API
 * answer; elsewhere in the browser's language.
 */
final class ContainerErrorPages extends ErrorReportValve {

    ContainerErrorPages() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as Tomcat's own report: only an error nobody has answered yet
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        // null when the request line itself could not be read
        String uri = request.getRequestURI();
        String path = uri == null ? "" : uri;
        Locale language = path.startsWith("/api/") ? Locale.ENGLISH : request.getLocale();
        String detail = status == 400
                ? Translations.text(language, "error.request.malformed")
                : ProblemJson.title(status) + ".";
        // refused before any filter ran, it has no id yet: one of its own, in the header and the body
        String given = response.getHeader(RequestIds.HEADER);
        String id = given == null ? RequestIds.fresh() : given;
        MDC.put(RequestIds.MDC_KEY, id);
        try {
            response.resetBuffer();
            SecurityHeaders.apply(path, response);
            response.setHeader(RequestIds.HEADER, id);
            response.setHeader("Cache-Control", "no-store");
            response.setContentType(ProblemJson.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ProblemJson.body(status, ProblemJson.title(status), detail, uri));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client went away; nothing else to tell it
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    /** Puts this valve in place of the host's own one, innermost so that it answers first. */
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
                pipeline.addValve(new ContainerErrorPages());
                ((StandardHost) context.getParent()).setErrorReportValveClass(ContainerErrorPages.class.getName());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
