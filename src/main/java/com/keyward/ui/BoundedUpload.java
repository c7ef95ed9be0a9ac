package com.keyward.ui;

import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializableRunnable;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;

/**
 * An upload kept in memory up to a limit, enforced on the server: the browser's own size check is
 * a courtesy anyone can skip by posting to the upload target. A file that says it is larger is
 * refused unread; one that does not say (or lies) is read up to the limit and one byte more, then
 * refused, and the rest is never read. The callbacks run on the upload's request thread: wrap UI
 * changes in {@code UI.access}.
 */
public final class BoundedUpload implements UploadHandler {

    private final long maxBytes;
    private final SerializableConsumer<byte[]> received;
    private final SerializableRunnable tooLarge;

    public BoundedUpload(long maxBytes, SerializableConsumer<byte[]> received, SerializableRunnable tooLarge) {
        if (maxBytes <= 0 || maxBytes >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxBytes must be between 1 and " + (Integer.MAX_VALUE - 1));
        }
        this.maxBytes = maxBytes;
        this.received = received;
        this.tooLarge = tooLarge;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        if (event.getFileSize() > maxBytes) {
            refuse(event);
            return;
        }
        byte[] bytes;
        try (InputStream in = event.getInputStream()) {
            bytes = in.readNBytes((int) maxBytes + 1);
        }
        if (bytes.length > maxBytes) {
            refuse(event);
            return;
        }
        received.accept(bytes);
    }

    private void refuse(UploadEvent event) {
        event.reject("larger than " + maxBytes + " bytes");
        tooLarge.run();
    }

    /** A multipart upload: Vaadin checks these before handing the file over. */
    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    @Override
    public long getFileCountMax() {
        return 1;
    }
}
