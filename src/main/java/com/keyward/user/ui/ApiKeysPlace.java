package com.keyward.user.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.modulith.NamedInterface;

/**
 * The API Keys section's place in User Account Details. The apikey module fills it; the user
 * module only leaves room for it, so that accounts do not depend on keys.
 */
@NamedInterface("account-sections")
public interface ApiKeysPlace {

    /** The id the section carries on the page. */
    String SECTION_ID = "api-keys-section";

    /**
     * The section for this account, built when the supplier is called (so a window can build it on
     * demand), or empty when the viewer may not see one.
     */
    Optional<Supplier<Component>> forAccount(long ownerId, boolean ownAccount);
}
