package com.keyward.security;

import com.keyward.validation.Usernames;

/**
 * Who may try a password now (NIST SP 800-63B §5.2.2: limit the attacker's guesses, never let an
 * attacker lock the owner out). Only failures count: an attempt is taken before the password is
 * checked and given back when it succeeds. Nothing here locks an account.
 *
 * <ul>
 *   <li>{@code perAddress}: failures from one client address, whatever the account (one source
 *       spraying many accounts). Successes are given back too: an office behind one NAT address
 *       signing in at nine o'clock is not an attack.
 *   <li>{@code perSource}: failures for one account from one address, with delays that grow (a
 *       few quick ones, fewer per hour, fewer per day).
 *   <li>{@code perAccount}: a ceiling on one account's failures from every address together (many
 *       sources on one account). Once it is reached, an address that has been failing for this
 *       account waits; an address that has not may still try: the owner's right password from
 *       their own address is never refused, and each new address gets one guess.
 *   <li>{@code failing}: whether an address has failed for an account within the ceiling's period.
 * </ul>
 *
 * Accounts are keyed by {@link Usernames#key}: {@code ADA}, {@code ａｄａ} and {@code ada} share
 * their budgets, as they share the account.
 */
final class SignInThrottle {

    private final Throttle perAddress;
    private final Throttle perSource;
    private final Throttle perAccount;
    private final Throttle failing;

    SignInThrottle(Throttle perAddress, Throttle perSource, Throttle perAccount, Throttle failing) {
        this.perAddress = perAddress;
        this.perSource = perSource;
        this.perAccount = perAccount;
        this.failing = failing;
    }

    /** An attempt allowed to go on to the password check, to be {@link #succeeded} if it does. */
    record Attempt(String address, String account, String source, boolean tookCeiling) {}

    /** Go ahead to the password check, or wait so many seconds. */
    sealed interface Decision {
        record Go(Attempt attempt) implements Decision {}

        record Wait(long seconds) implements Decision {}
    }

    Decision attempt(String typedUsername, String address) {
        long wait = perAddress.take(address);
        if (wait > 0) {
            return new Decision.Wait(wait);
        }
        String account = Usernames.key(typedUsername);
        String source = account + '\u0000' + address;
        wait = perSource.take(source);
        if (wait > 0) {
            return new Decision.Wait(wait);
        }
        long ceiling = perAccount.take(account);
        if (ceiling > 0 && !failing.available(source)) {
            perSource.giveBack(source);
            return new Decision.Wait(ceiling);
        }
        failing.take(source);
        return new Decision.Go(new Attempt(address, account, source, ceiling == 0));
    }

    /** The password was right: this attempt does not count against anyone. */
    void succeeded(Attempt attempt) {
        perAddress.giveBack(attempt.address());
        perSource.giveBack(attempt.source());
        failing.giveBack(attempt.source());
        if (attempt.tookCeiling()) {
            perAccount.giveBack(attempt.account());
        }
    }
}
