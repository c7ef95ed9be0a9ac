package com.keyward.directory;

import com.keyward.db.RetriedTransactions;
import com.keyward.security.CurrentUser;
import com.keyward.security.Principals;
import com.keyward.user.ExternalAccounts;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;

/** The directory's beans, only where {@code keyward.ldap.url} or {@code keyward.ldap.embedded-ldif} is set. */
@Configuration(proxyBeanMethods = false)
@Conditional(DirectoryConfigured.class)
@EnableConfigurationProperties(DirectoryProperties.class)
class DirectoryConfig {

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedLdifConfigured.class)
    EmbeddedDirectory embeddedDirectory(DirectoryProperties properties, ResourceLoader resources) {
        return new EmbeddedDirectory(properties, resources);
    }

    @Bean
    DefaultSpringSecurityContextSource directoryContextSource(
            DirectoryProperties properties, ObjectProvider<EmbeddedDirectory> embedded) {
        String url = properties.url().isBlank() ? embedded.getObject().url() : properties.url();
        var source = new DefaultSpringSecurityContextSource(url);
        if (!properties.bindDn().isBlank()) {
            source.setUserDn(properties.bindDn());
            source.setPassword(bindPassword(properties));
        }
        // a directory that does not answer fails the request, not the thread: sign-in and sync stay bounded
        // objectGUID (Active Directory's entry id) is binary: read as bytes, not as a mangled string
        source.setBaseEnvironmentProperties(java.util.Map.of(
                "com.sun.jndi.ldap.connect.timeout",
                "3000",
                "com.sun.jndi.ldap.read.timeout",
                "10000",
                "java.naming.ldap.attributes.binary",
                "objectGUID"));
        source.afterPropertiesSet();
        return source;
    }

    @Bean
    LdapTemplate directoryTemplate(DefaultSpringSecurityContextSource source) {
        return new LdapTemplate(source);
    }

    @Bean
    FilterBasedLdapUserSearch directoryUserSearch(
            DirectoryProperties properties, DefaultSpringSecurityContextSource source) {
        var search = new FilterBasedLdapUserSearch(properties.userSearchBase(), properties.userSearchFilter(), source);
        // the entry's own attributes and its immutable id, which an account is bound to
        search.setReturningAttributes(Directory.ATTRIBUTES);
        return search;
    }

    @Bean
    Directory directory(FilterBasedLdapUserSearch userSearch, LdapTemplate ldap, DirectoryProperties properties) {
        return new Directory(userSearch, ldap, properties);
    }

    /** After the local accounts' provider (Keyward passwords first: the break-glass admin never waits on LDAP). */
    @Bean
    @Order(10)
    DirectoryAuthenticationProvider directoryAuthenticationProvider(
            DefaultSpringSecurityContextSource source,
            FilterBasedLdapUserSearch userSearch,
            Directory directory,
            ExternalAccounts accounts,
            Principals principals) {
        var bind = new BindAuthenticator(source);
        bind.setUserSearch(userSearch);
        return new DirectoryAuthenticationProvider(bind, directory, accounts, principals);
    }

    @Bean
    DirectorySync directorySync(
            Directory directory,
            ExternalAccounts accounts,
            CurrentUser currentUser,
            MeterRegistry meters,
            RetriedTransactions transaction) {
        return new DirectorySync(directory, accounts, currentUser, meters, transaction);
    }

    @Bean
    DirectoryHealth directoryHealthIndicator(LdapTemplate ldap) {
        return new DirectoryHealth(ldap);
    }

    private static String bindPassword(DirectoryProperties properties) {
        if (!properties.bindPasswordFile().isBlank()) {
            try {
                return Files.readString(Path.of(properties.bindPasswordFile()), StandardCharsets.UTF_8)
                        .strip();
            } catch (IOException e) {
                throw new IllegalStateException(
                        "KEYWARD_LDAP_BIND_PASSWORD_FILE cannot be read: " + properties.bindPasswordFile(), e);
            }
        }
        String password = properties.bindPassword();
        if (password == null) {
            throw new IllegalStateException(
                    "KEYWARD_LDAP_BIND_DN is set without KEYWARD_LDAP_BIND_PASSWORD or KEYWARD_LDAP_BIND_PASSWORD_FILE");
        }
        return password;
    }
}
