package com.keyward.validation;

import com.ibm.icu.text.Normalizer2;

/**
 * The one normalisation of usernames: Unicode NFKC with full case folding (ICU's NFKC_Casefold,
 * which also drops default-ignorable characters such as zero-width joiners), and no accent folding.
 * Two usernames name the same account exactly when their keys are equal: uniqueness, sign-in
 * look-up and sign-in throttles all go through {@link #key}, and the database compares keys
 * byte for byte. So {@code DANA}, {@code ｄａｎａ} and {@code dana} are one handle, while {@code
 * álice} (or {@code a\u0301lice}) is not {@code alice}.
 */
public final class Usernames {

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

    private Usernames() {}

    /** The form under which a username is unique and looked up. */
    public static String key(String username) {
        return NFKC_CASEFOLD.normalize(username.strip());
    }
}
