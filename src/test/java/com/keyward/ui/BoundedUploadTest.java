package com.keyward.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.servlet.http.Part;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The upload limit on the server: what an attacker posting 20 MiB straight to the upload target
 * (past the browser's check) costs, measured in bytes read.
 */
class BoundedUploadTest {

    private static final int LIMIT = 2 * 1024 * 1024;
    private static final long TWENTY_MIB = 20L * 1024 * 1024;

    final List<byte[]> received = new ArrayList<>();
    final AtomicInteger refusals = new AtomicInteger();

    @Test
    void aFileThatDoesNotSayItsSizeIsCutOffAtTheLimit() throws Exception {
        Posted posted = post(handler(), TWENTY_MIB, -1);

        System.out.printf("20 MiB of undeclared length: %,d bytes read%n", posted.read());
        assertThat(posted.read()).isEqualTo(LIMIT + 1);
        assertThat(posted.event().isRejected()).isTrue();
        assertThat(received).isEmpty();
        assertThat(refusals).hasValue(1);
    }

    @Test
    void aFileThatSaysItIsTooLargeIsRefusedUnread() throws Exception {
        Posted posted = post(handler(), TWENTY_MIB, TWENTY_MIB);

        assertThat(posted.read()).isZero();
        assertThat(posted.event().isRejected()).isTrue();
        assertThat(refusals).hasValue(1);
    }

    @Test
    void aFileUpToTheLimitIsHandedOverWhole() throws Exception {
        post(handler(), LIMIT, LIMIT);

        assertThat(received)
                .singleElement()
                .satisfies(bytes -> assertThat(bytes).hasSize(LIMIT));
        assertThat(refusals).hasValue(0);
    }

    private UploadHandler handler() {
        return new BoundedUpload(LIMIT, received::add, refusals::incrementAndGet);
    }

    record Posted(UploadEvent event, long read) {}

    /** {@code length} bytes posted as one part that declares {@code declared} (-1: unknown). */
    private static Posted post(UploadHandler handler, long length, long declared) throws Exception {
        AtomicLong read = new AtomicLong();
        InputStream body = new InputStream() {
            @Override
            public int read() {
                if (read.get() >= length) {
                    return -1;
                }
                read.incrementAndGet();
                return 'a';
            }

            @Override
            public int read(byte[] buffer, int offset, int count) {
                if (read.get() >= length) {
                    return -1;
                }
                int n = (int) Math.min(count, length - read.get());
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'a');
                read.addAndGet(n);
                return n;
            }
        };
        UploadEvent event = new UploadEvent(
                null, null, null, "users.csv", declared, "text/csv", new Element("vaadin-upload"), part(body));
        handler.handleUploadRequest(event);
        return new Posted(event, read.get());
    }

    private static Part part(InputStream body) {
        return new Part() {
            @Override
            public InputStream getInputStream() {
                return body;
            }

            @Override
            public String getContentType() {
                return "text/csv";
            }

            @Override
            public String getName() {
                return "file";
            }

            @Override
            public String getSubmittedFileName() {
                return "users.csv";
            }

            @Override
            public long getSize() {
                return -1;
            }

            @Override
            public void write(String fileName) {}

            @Override
            public void delete() {}

            @Override
            public String getHeader(String name) {
                return null;
            }

            @Override
            public Collection<String> getHeaders(String name) {
                return List.of();
            }

            @Override
            public Collection<String> getHeaderNames() {
                return List.of();
            }
        };
    }
}
