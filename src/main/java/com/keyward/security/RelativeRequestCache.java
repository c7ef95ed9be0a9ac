package com.keyward.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;

/**
 * The page someone asked for before signing in, handed back as a path: Spring Security keeps it
 * as an absolute URL built from the request's {@code Host} header, so the redirect after sign-in
 * would go wherever a forged Host said. Path and query only, on this server.
 */
final class RelativeRequestCache implements RequestCache {

    private final RequestCache sessions = new HttpSessionRequestCache();

    @Override
    public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
        sessions.saveRequest(request, response);
    }

    @Override
    public @Nullable SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = sessions.getRequest(request, response);
        if (saved == null) {
            return null;
        }
        SimpleSavedRequest relative = new SimpleSavedRequest(saved);
        relative.setRedirectUrl(relative(saved.getRedirectUrl()));
        return relative;
    }

    @Override
    public @Nullable HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
        return sessions.getMatchingRequest(request, response);
    }

    @Override
    public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
        sessions.removeRequest(request, response);
    }

    /** The path and query of {@code url}; the home page when it has none or cannot be read. */
    static String relative(String url) {
        try {
            URI uri = new URI(url);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            // "//evil.example" is a path to a browser's eyes but another host to its redirect
            if (!path.startsWith("/") || path.startsWith("//")) {
                return "/";
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (URISyntaxException unreadable) {
            return "/";
        }
    }
}
