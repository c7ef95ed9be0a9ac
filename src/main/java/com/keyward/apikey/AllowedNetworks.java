package com.keyward.apikey;

import com.keyward.validation.Message;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The networks a key may be used from: CIDR ranges, IPv4 and IPv6 ({@code 10.20.0.0/16},
 * {@code fd00::/8}; a bare address is one host). None means from anywhere. Matching is Spring
 * Security's {@link IpAddressMatcher}; this class only decides what counts as an entry.
 */
public final class AllowedNetworks {

    /** Stored in a VARCHAR(1000), separated by spaces. */
    public static final int MAX_LENGTH = 1000;

    private static final AllowedNetworks ANYWHERE = new AllowedNetworks(List.of(), List.of());
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*(/\\d{1,3})?");
    private static final Pattern ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");

    private final List<String> ranges;
    private final List<IpAddressMatcher> matchers;

    private AllowedNetworks(List<String> ranges, List<IpAddressMatcher> matchers) {
        this.ranges = List.copyOf(ranges);
        this.matchers = List.copyOf(matchers);
    }

    /** What someone typed (one range per line, or separated by commas or spaces). */
    public static Parsed parse(@Nullable String typed) {
        Set<String> ranges = new LinkedHashSet<>();
        List<IpAddressMatcher> matchers = new ArrayList<>();
        List<Message> problems = new ArrayList<>();
        for (String entry :
                SEPARATORS.splitAsStream(typed == null ? "" : typed.strip()).toList()) {
            if (entry.isEmpty()) {
                continue;
            }
            String range = entry.toLowerCase(Locale.ROOT);
            if (!IPV4.matcher(range).matches() && !IPV6.matcher(range).matches()) {
                problems.add(Message.of("networks.bad", entry));
                continue;
            }
            try {
                IpAddressMatcher matcher = new IpAddressMatcher(range);
                if (ranges.add(range)) {
                    matchers.add(matcher);
                }
            } catch (IllegalArgumentException bad) {
                problems.add(Message.of("networks.bad", entry));
            }
        }
        if (problems.isEmpty() && String.join(" ", ranges).length() > MAX_LENGTH) {
            problems.add(Message.of("networks.toolong", MAX_LENGTH));
        }
        return new Parsed(new AllowedNetworks(List.copyOf(ranges), matchers), problems);
    }

    /** As stored; a stored value was checked when the key was made. */
    public static AllowedNetworks stored(@Nullable String stored) {
        return stored == null || stored.isBlank() ? ANYWHERE : parse(stored).networks();
    }

    /** Whether a request from this address (an IP literal; anything else never matches) may use the key. */
    public boolean allows(@Nullable String address) {
        if (matchers.isEmpty()) {
            return true;
        }
        // never a host name: IpAddressMatcher would resolve it (a malformed literal throws below)
        if (address == null
                || address.length() > 45
                || !ADDRESS.matcher(address).matches()) {
            return false;
        }
        for (IpAddressMatcher matcher : matchers) {
            try {
                if (matcher.matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException notAnAddress) {
                return false;
            }
        }
        return false;
    }

    /** Whether this is an IPv4 or IPv6 address literal (and never a host name). */
    public static boolean isAddress(@Nullable String text) {
        if (text == null || text.length() > 45 || !ADDRESS.matcher(text).matches()) {
            return false;
        }
        try {
            new IpAddressMatcher(text);
            return true;
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    public List<String> ranges() {
        return ranges;
    }

    /** For the database: null when the key may be used from anywhere. */
    public @Nullable String toStored() {
        return ranges.isEmpty() ? null : String.join(" ", ranges);
    }

    @Override
    public String toString() {
        return ranges.isEmpty() ? "anywhere" : String.join(" ", ranges);
    }

    /** The networks that were well-formed, and a message per entry that was not. */
    public record Parsed(AllowedNetworks networks, List<Message> problems) {}
}
