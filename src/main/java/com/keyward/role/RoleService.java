package com.keyward.role;

import com.keyward.security.Authorities;
import com.keyward.security.AuthoritiesChanged;
import com.keyward.security.CurrentUser;
import com.keyward.security.SignedInUser;
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
        return roles.findDetails(id).orElseThrow(() -> new NotFoundException("There is no role with id " + id + "."));
    }

    public AuthorityTree tree() {
        return new AuthorityTree(authorities.findTree());
    }

    public boolean mayManageRoles() {
        return currentUser.hasAuthority(Authorities.MANAGE_ROLES);
    }

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

    @Transactional
    public void update(long id, RoleForm form) {
        currentUser.requireAuthority(Authorities.MANAGE_ROLES, MANAGE_ROLES_NEEDED);
        RoleDetails before =
                roles.findDetails(id).orElseThrow(() -> new NotFoundException("There is no role with id " + id + "."));
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

    @Transactional
    public void delete(long id) {
        currentUser.requireAuthority(Authorities.MANAGE_ROLES, MANAGE_ROLES_NEEDED);
        RoleDetails role =
                roles.findDetails(id).orElseThrow(() -> new NotFoundException("There is no role with id " + id + "."));
        refuseBuiltIn(role);
        roles.lock(id);
        int holders = roles.countUsers(id);
        if (holders > 0) {
            throw new ValidationException(Map.of(
                    RoleField.FORM,
                    holders
                            + (holders == 1 ? " user holds" : " users hold") + " the role \"" + role.name()
                            + "\". Remove it from them first."));
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
        Map<RoleField, String> errors = new EnumMap<>(RoleField.class);
        String name = Names.name(form.name());
        String description = Names.description(form.description());
        Optional<String> nameProblem = Names.nameProblem(name, "role");
        if (nameProblem.isPresent()) {
            errors.put(RoleField.NAME, nameProblem.get());
        } else if (roles.nameTaken(name, id)) {
            errors.put(RoleField.NAME, "Another role has this name.");
        } else {
            roles.findAll().stream()
                    .filter(other -> id.map(self -> other.id() != self).orElse(true))
                    .filter(other -> SafeText.confusable(name, other.name()))
                    .findFirst()
                    .ifPresent(other -> errors.put(
                            RoleField.NAME,
                            "This name looks like the role \"" + other.name()
                                    + "\". Choose a clearly different name."));
        }
        Names.descriptionProblem(description).ifPresent(problem -> errors.put(RoleField.DESCRIPTION, problem));
        Set<String> codes = form.authorities() == null ? Set.of() : new TreeSet<>(form.authorities());
        if (!codes.stream().allMatch(tree::contains)) {
            errors.put(RoleField.AUTHORITIES, "Choose authorities from the tree only.");
        } else if (!editor.getAuthorities().stream()
                .map(granted -> granted.getAuthority())
                .collect(Collectors.toSet())
                .containsAll(tree.covered(codes))) {
            errors.put(RoleField.AUTHORITIES, "You can only grant authorities that you hold yourself.");
        }
        if (form.maxActiveApiKeys() < 1 || form.maxActiveApiKeys() > MAX_KEYS_BOUND) {
            errors.put(RoleField.MAX_ACTIVE_API_KEYS, "Choose 1 to " + MAX_KEYS_BOUND + ".");
        }
        if (form.maxApiKeyLifetimeDays() < 1 || form.maxApiKeyLifetimeDays() > MAX_LIFETIME_BOUND) {
            errors.put(RoleField.MAX_API_KEY_LIFETIME_DAYS, "Choose 1 to " + MAX_LIFETIME_BOUND + " days.");
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
            throw new ValidationException(
                    Map.of(RoleField.FORM, "The built-in role \"" + role.name() + "\" cannot be changed or deleted."));
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
