package com.keyward.apiset;

import com.keyward.db.RetriedOnConflict;
import com.keyward.security.Authorities;
import com.keyward.security.CurrentUser;
import com.keyward.validation.Message;
import com.keyward.validation.Names;
import com.keyward.validation.NotFoundException;
import com.keyward.validation.SafeText;
import com.keyward.validation.ValidationException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admin › API Sets: registering API sets for other services (which check keys through the
 * Introspection API). Needs Manage API Sets. Keyward's own sets are built in and cannot be changed.
 */
@Service
public class ApiSetService {

    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");
    static final int MAX_OWNER_SERVICE_LENGTH = 100;
    private static final String MANAGE_NEEDED = "Registering API sets needs the Manage API Sets authority";

    private final ApiSetRepository sets;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    ApiSetService(ApiSetRepository sets, CurrentUser currentUser, ApplicationEventPublisher events) {
        this.sets = sets;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** Every set, built-in ones first, fresh from the database. */
    @Transactional(readOnly = true)
    public List<ApiSet> all() {
        currentUser.requireAuthority(Authorities.MANAGE_API_SETS, MANAGE_NEEDED);
        return sets.findAll();
    }

    @RetriedOnConflict
    @Transactional
    public ApiSet create(ApiSetForm form) {
        currentUser.requireAuthority(Authorities.MANAGE_API_SETS, MANAGE_NEEDED);
        String code = form.code() == null ? "" : form.code().strip().toUpperCase(Locale.ROOT);
        Map<ApiSetField, Message> errors = problems(form, code);
        if (!errors.containsKey(ApiSetField.CODE)) {
            if (!CODE.matcher(code).matches()) {
                errors.put(ApiSetField.CODE, Message.of("apisets.code.bad"));
            } else if (sets.codeTaken(code)) {
                errors.put(ApiSetField.CODE, Message.of("apisets.code.taken", code));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        ApiSet created = kept(code, form);
        sets.insert(created);
        events.publishEvent(new ApiSetChanged(null, created));
        return created;
    }

    @RetriedOnConflict
    @Transactional
    public ApiSet update(String code, ApiSetForm form) {
        currentUser.requireAuthority(Authorities.MANAGE_API_SETS, MANAGE_NEEDED);
        ApiSet before = registered(code);
        Map<ApiSetField, Message> errors = problems(form, code);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        ApiSet after = kept(code, form).withNeedsApproval(before.needsApproval());
        sets.update(after);
        events.publishEvent(new ApiSetChanged(before, after));
        return after;
    }

    /**
     * Marks a set, a built-in one too, as needing an approver before a new key works for it, or
     * not. Keys generated before keep what they have.
     */
    @RetriedOnConflict
    @Transactional
    public ApiSet setNeedsApproval(String code, boolean needed) {
        currentUser.requireAuthority(Authorities.MANAGE_API_SETS, MANAGE_NEEDED);
        ApiSet before = sets.find(code).orElseThrow(() -> new NotFoundException("apisets.nosuch", code));
        if (before.needsApproval() == needed) {
            return before;
        }
        sets.setNeedsApproval(code, needed);
        ApiSet after = before.withNeedsApproval(needed);
        events.publishEvent(new ApiSetChanged(before, after));
        return after;
    }

    /** Deletes a registered set no key carries (keys keep their sets, also once revoked, for the record). */
    @RetriedOnConflict
    @Transactional
    public void delete(String code) {
        currentUser.requireAuthority(Authorities.MANAGE_API_SETS, MANAGE_NEEDED);
        ApiSet before = registered(code);
        try {
            sets.delete(code);
        } catch (DataIntegrityViolationException used) {
            throw ValidationException.of(ApiSetField.FORM, "apisets.delete.used", before.name());
        }
        events.publishEvent(new ApiSetChanged(before, null));
    }

    private ApiSet registered(String code) {
        ApiSet set = sets.find(code).orElseThrow(() -> new NotFoundException("apisets.nosuch", code));
        if (set.builtIn()) {
            throw ValidationException.of(ApiSetField.FORM, "apisets.builtin", set.name());
        }
        return set;
    }

    private Map<ApiSetField, Message> problems(ApiSetForm form, String code) {
        Map<ApiSetField, Message> errors = new EnumMap<>(ApiSetField.class);
        if (code.isEmpty()) {
            errors.put(ApiSetField.CODE, Message.of("apisets.code.empty"));
        }
        String name = Names.name(form.name());
        Names.nameProblem(name, "apiset").ifPresent(problem -> errors.put(ApiSetField.NAME, problem));
        if (!errors.containsKey(ApiSetField.NAME) && sets.nameTaken(name, code)) {
            errors.put(ApiSetField.NAME, Message.of("apisets.name.taken", name));
        }
        String description = Names.description(form.description());
        if (description == null) {
            errors.put(ApiSetField.DESCRIPTION, Message.of("apisets.description.empty"));
        } else {
            Names.descriptionProblem(description).ifPresent(problem -> errors.put(ApiSetField.DESCRIPTION, problem));
        }
        String owner = Names.name(form.ownerService());
        if (owner.isEmpty()) {
            errors.put(ApiSetField.OWNER_SERVICE, Message.of("apisets.owner.empty"));
        } else if (owner.length() > MAX_OWNER_SERVICE_LENGTH) {
            errors.put(ApiSetField.OWNER_SERVICE, Message.of("names.toolong", MAX_OWNER_SERVICE_LENGTH));
        } else {
            SafeText.nameProblem(owner).ifPresent(problem -> errors.put(ApiSetField.OWNER_SERVICE, problem));
        }
        return errors;
    }

    private static ApiSet kept(String code, ApiSetForm form) {
        @Nullable String description = Names.description(form.description());
        return new ApiSet(
                code,
                Names.name(form.name()),
                description == null ? "" : description,
                Names.name(form.ownerService()),
                false,
                false);
    }
}
