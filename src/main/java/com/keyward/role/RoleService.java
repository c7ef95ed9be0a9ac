package com.keyward.role;

import com.keyward.db.RetriedOnConflict;
import com.keyward.security.Authorities;
import com.keyward.security.AuthoritiesChanged;
import com.keyward.security.CurrentUser;
import com.keyward.security.SignedInUser;
import com.keyward.validation.Message;
import com.keyward.validation.Names;
import com.keyward.validation.NotFoundException;
import com.keyward.validation.SafeText;
import com.keyward.validation.ValidationException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roles, their authorities and limits. Reading needs View Roles, changing needs Manage Roles; the
 * built-in Admin role cannot be changed or deleted, and nobody can put into a role an authority
 * they do not hold themselves.
 */
@Service
@Transactional(readOnly = true)
public class RoleService {

    public static final int MAX_KEYS_BOUND = 100;
    public static final int MAX_LIFETIME_BOUND = 3650;

    private static final String VIEW_ROLES_NEEDED = "Viewing roles needs the View Roles authority";
    private static final String MANAGE_ROLES_NEEDED = "Changing roles needs the Manage Roles authority";

    private final RoleRepository roles;
    private final AuthorityRepository authorities;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public RoleService(
            RoleRepository roles,
            AuthorityRepository authorities,
            CurrentUser currentUser,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.roles = roles;
        this.authorities = authorities;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public int count() {
        currentUser.requireAuthority(Authorities.VIEW_ROLES, VIEW_ROLES_NEEDED);
        return roles.count();
    }

    public List<RoleSummary> page(int offset, int limit) {
        currentUser.requireAuthority(Authorities.VIEW_ROLES, VIEW_ROLES_NEEDED);
        return roles.findPage(offset, limit);
    }

    /** All roles, for assigning them (Manage Users) or listing them (View Roles). */
    public List<RoleSummary> all() {
        if (!currentUser.hasAuthority(Authorities.MANAGE_USERS)) {
            currentUser.requireAuthority(Authorities.VIEW_ROLES, VIEW_ROLES_NEEDED);
        }
        return roles.findAll();
    }

    public RoleDetails details(long id) {
        currentUser.requireAuthority(Authorities.VIEW_ROLES, VIEW_ROLES_NEEDED);
        return roles.findDetails(id).orElseThrow(() -> new NotFoundException("roles.noid", id));
    }

    public AuthorityTree tree() {
        return new AuthorityTree(authorities.findTree());
    }

    public boolean mayManageRoles() {
        return currentUser.hasAuthority(Authorities.MANAGE_ROLES);
    }

    @RetriedOnConflict
    @Transactional
    public long create(RoleForm form) {
        currentUser.requireAuthority(Authorities.MANAGE_ROLES, MANAGE_ROLES_NEEDED);
        RoleForm clean = validate(form, Optional.empty());
        long id = roles.create(
                Objects.requireNonNull(clean.name()), clean.description(), clean.authorities(), clock.instant());
        setLimits(id, clean);
        events.publishEvent(new RoleChanged(null, snapshot(clean)));
        return id;
    }

    @RetriedOnConflict
    @Transactional
    public void update(long id, RoleForm form) {
        currentUser.requireAuthority(Authorities.MANAGE_ROLES, MANAGE_ROLES_NEEDED);
        RoleDetails before = roles.findDetails(id).orElseThrow(() -> new NotFoundException("roles.noid", id));
        refuseBuiltIn(before);
        RoleForm clean = validate(form, Optional.of(id));
        roles.update(id, Objects.requireNonNull(clean.name()), clean.description(), clean.authorities());
        setLimits(id, clean);
        events.publishEvent(new AuthoritiesChanged());
        events.publishEvent(new RoleChanged(
                new RoleChanged.Snapshot(
                        before.name(),
                        before.authorities(),
                        before.limits().maxActiveApiKeys(),
                        before.limits().maxApiKeyLifetimeDays()),
                snapshot(clean)));
    }

    @RetriedOnConflict
    @Transactional
    public void delete(long id) {
        currentUser.requireAuthority(Authorities.MANAGE_ROLES, MANAGE_ROLES_NEEDED);
        RoleDetails role = roles.findDetails(id).orElseThrow(() -> new NotFoundException("roles.noid", id));
        refuseBuiltIn(role);
        roles.lock(id);
        int holders = roles.countUsers(id);
        if (holders > 0) {
            throw ValidationException.of(RoleField.FORM, "roles.delete.held", holders, role.name());
        }
        roles.delete(id);
        events.publishEvent(new AuthoritiesChanged());
        events.publishEvent(new RoleChanged(
                new RoleChanged.Snapshot(
                        role.name(),
                        role.authorities(),
                        role.limits().maxActiveApiKeys(),
                        role.limits().maxApiKeyLifetimeDays()),
                null));
    }

    private RoleForm validate(RoleForm form, Optional<Long> id) {
        AuthorityTree tree = tree();
        SignedInUser editor = currentUser.require();
        Map<RoleField, Message> errors = new EnumMap<>(RoleField.class);
        String name = Names.name(form.name());
        String description = Names.description(form.description());
        Optional<Message> nameProblem = Names.nameProblem(name, "role");
        if (nameProblem.isPresent()) {
            errors.put(RoleField.NAME, nameProblem.get());
        } else if (roles.nameTaken(name, id)) {
            errors.put(RoleField.NAME, Message.of("roles.name.taken"));
        } else {
            roles.findAll().stream()
                    .filter(other -> id.map(self -> other.id() != self).orElse(true))
                    .filter(other -> SafeText.confusable(name, other.name()))
                    .findFirst()
                    .ifPresent(other -> errors.put(RoleField.NAME, Message.of("roles.name.confusable", other.name())));
        }
        Names.descriptionProblem(description).ifPresent(problem -> errors.put(RoleField.DESCRIPTION, problem));
        Set<String> codes = form.authorities() == null ? Set.of() : new TreeSet<>(form.authorities());
        if (!codes.stream().allMatch(tree::contains)) {
            errors.put(RoleField.AUTHORITIES, Message.of("roles.authorities.unknown"));
        } else if (!editor.getAuthorities().stream()
                .map(granted -> granted.getAuthority())
                .collect(Collectors.toSet())
                .containsAll(tree.covered(codes))) {
            errors.put(RoleField.AUTHORITIES, Message.of("roles.authorities.notheld"));
        }
        if (form.maxActiveApiKeys() < 1 || form.maxActiveApiKeys() > MAX_KEYS_BOUND) {
            errors.put(RoleField.MAX_ACTIVE_API_KEYS, Message.of("roles.limit.keys", MAX_KEYS_BOUND));
        }
        if (form.maxApiKeyLifetimeDays() < 1 || form.maxApiKeyLifetimeDays() > MAX_LIFETIME_BOUND) {
            errors.put(RoleField.MAX_API_KEY_LIFETIME_DAYS, Message.of("roles.limit.days", MAX_LIFETIME_BOUND));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new RoleForm(
                name, description, tree.shortest(codes), form.maxActiveApiKeys(), form.maxApiKeyLifetimeDays());
    }

    private void setLimits(long id, RoleForm form) {
        roles.setLimit(id, RoleRepository.LIMIT_KEYS, form.maxActiveApiKeys());
        roles.setLimit(id, RoleRepository.LIMIT_LIFETIME, form.maxApiKeyLifetimeDays());
    }

    private static void refuseBuiltIn(RoleDetails role) {
        if (role.builtIn()) {
            throw ValidationException.of(RoleField.FORM, "roles.builtin", role.name());
        }
    }

    private static RoleChanged.Snapshot snapshot(RoleForm form) {
        return new RoleChanged.Snapshot(
                Objects.requireNonNull(form.name()),
                form.authorities(),
                form.maxActiveApiKeys(),
                form.maxApiKeyLifetimeDays());
    }
}
