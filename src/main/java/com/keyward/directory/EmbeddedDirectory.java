package com.keyward.directory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.ResourceLoader;

/**
 * UnboundID's in-memory directory server, loaded from an LDIF, on a free port of 127.0.0.1: the
 * directory of the tests and of local demos ({@code KEYWARD_LDAP_EMBEDDED_LDIF}). Not for production.
 */
public class EmbeddedDirectory implements AutoCloseable {

    private static final Schema ACTIVE_DIRECTORY;

    static {
        try {
            ACTIVE_DIRECTORY = new Schema(new Entry(
                    "dn: cn=schema",
                    "objectClass: top",
                    "objectClass: ldapSubEntry",
                    "objectClass: subschema",
                    "attributeTypes: ( 1.2.840.113556.1.4.8 NAME 'userAccountControl' "
                            + "EQUALITY integerMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 SINGLE-VALUE )",
                    "attributeTypes: ( 1.2.840.113556.1.4.221 NAME 'sAMAccountName' "
                            + "EQUALITY caseIgnoreMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )",
                    "objectClasses: ( 1.2.840.113556.1.5.9 NAME 'user' SUP top AUXILIARY "
                            + "MAY ( userAccountControl $ sAMAccountName ) )"));
        } catch (LDIFException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final InMemoryDirectoryServer server;
    private final String baseDn;

    EmbeddedDirectory(DirectoryProperties properties, ResourceLoader resources) {
        this.baseDn = properties.embeddedBaseDn();
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(baseDn);
            // the standard schema plus Active Directory's account attributes (auxiliary class "user")
            config.setSchema(Schema.mergeSchemas(Schema.getDefaultStandardSchema(), ACTIVE_DIRECTORY));
            // indexed like a real directory: lookups by username and by group member stay fast at 10,000 people
            config.setEqualityIndexAttributes(properties.usernameAttribute(), "sAMAccountName", "member");
            // a fixed port once chosen: the listener can stop and start again at the same address
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig(
                    "ldap", InetAddress.getLoopbackAddress(), freePort(), null));
            if (!properties.bindDn().isBlank() && properties.bindPassword() != null) {
                config.addAdditionalBindCredentials(properties.bindDn(), properties.bindPassword());
            }
            server = new InMemoryDirectoryServer(config);
            // a plain path is a file (as the README's demo command gives it); classpath: and file: work too
            Path file = Path.of(properties.embeddedLdif());
            try (InputStream ldif = Files.isRegularFile(file)
                    ? Files.newInputStream(file)
                    : resources.getResource(properties.embeddedLdif()).getInputStream()) {
                server.importFromLDIF(true, new LDIFReader(ldif));
            }
            server.startListening();
        } catch (LDAPException | IOException e) {
            throw new IllegalStateException(
                    "The embedded directory cannot start from " + properties.embeddedLdif() + ": " + e.getMessage(), e);
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The URL Keyward connects to, with the base DN. */
    public String url() {
        return "ldap://127.0.0.1:" + server.getListenPort() + "/" + baseDn;
    }

    /** The server itself, for tests that change the directory (a person leaves, comes back). */
    public InMemoryDirectoryServer server() {
        return server;
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
