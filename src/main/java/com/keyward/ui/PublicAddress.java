package com.keyward.ui;

import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where people reach Keyward, for the links it hands out: {@code keyward.public-url} when set
 * (behind a proxy, set it), else the address the administrator's own browser used.
 */
@Component
public class PublicAddress {

    private final String configured;

    PublicAddress(@Value("${keyward.public-url:}") String configured) {
        this.configured = configured.strip().replaceAll("/+$", "");
    }

    /** The absolute address of {@code path} (relative to the application's root). */
    public String of(String path) {
        return root() + "/" + path;
    }

    private String root() {
        if (!configured.isEmpty()) {
            return configured;
        }
        VaadinServletRequest current = VaadinServletRequest.getCurrent();
        if (current == null) {
            return "";
        }
        HttpServletRequest request = current.getHttpServletRequest();
        boolean defaultPort = ("http".equals(request.getScheme()) && request.getServerPort() == 80)
                || ("https".equals(request.getScheme()) && request.getServerPort() == 443);
        return request.getScheme() + "://" + request.getServerName()
                + (defaultPort ? "" : ":" + request.getServerPort()) + request.getContextPath();
    }
}
