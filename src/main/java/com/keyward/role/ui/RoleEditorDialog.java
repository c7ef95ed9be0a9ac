package com.keyward.role.ui;

import static com.keyward.ui.Text.t;

import com.keyward.role.AuthorityNode;
import com.keyward.role.AuthorityTree;
import com.keyward.role.RoleDetails;
import com.keyward.role.RoleField;
import com.keyward.role.RoleForm;
import com.keyward.role.RoleLimits;
import com.keyward.role.RoleService;
import com.keyward.ui.Confirmations;
import com.keyward.ui.FieldErrors;
import com.keyward.ui.Labels;
import com.keyward.ui.Text;
import com.keyward.validation.Names;
import com.keyward.validation.ValidationException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The role editor: name*, description, the authority tree (Application › Area › Action; checking
 * a node covers its children, shown checked and locked) and the API-key limits. Read-only for the
 * built-in Admin role and for people without Manage Roles.
 */
public class RoleEditorDialog extends Dialog {

    final TextField name = new TextField(t("keys.name"));
    final TextArea description = new TextArea(t("keys.description"));
    final Map<String, Checkbox> authorityBoxes = new LinkedHashMap<>();
    final IntegerField maxKeys = new IntegerField(t("roles.maxkeys"));
    final IntegerField maxDays = new IntegerField(t("roles.maxdays"));
    final Paragraph formError = new Paragraph();
    private final FieldErrors errors = new FieldErrors(formError);
    final Span authorityError = new Span();
    final Button save = new Button(t("action.save"));
    final Button delete = new Button(t("action.delete"));

    private final RoleService roles;
    private final AuthorityTree tree;
    /** The authorities the person chose themselves; a covered box shows checked but is not a choice. */
    private final Set<String> chosen = new LinkedHashSet<>();

    private boolean showingCoverage;
    private final Optional<Long> roleId;
    private final Runnable onChanged;

    /** The editor of an existing role, or of a new one when {@code existing} is empty. */
    public RoleEditorDialog(RoleService roles, Optional<RoleDetails> existing, Runnable onChanged) {
        this.roles = roles;
        this.tree = roles.tree();
        this.roleId = existing.map(RoleDetails::id);
        this.onChanged = onChanged;
        boolean editable =
                roles.mayManageRoles() && !existing.map(RoleDetails::builtIn).orElse(false);
        setHeaderTitle(
                existing.map(role -> t("roles.editor.title", role.name())).orElse(t("roles.new")));
        getElement()
                .setAttribute(
                        "aria-label",
                        existing.map(role -> t("roles.editor.label", role.name()))
                                .orElse(t("roles.new")));
        setWidth("min(40rem, 100vw)");

        name.setRequiredIndicatorVisible(true);
        name.setAutofocus(true);
        name.setMaxLength(Names.MAX_NAME_LENGTH);
        description.setMaxLength(Names.MAX_DESCRIPTION_LENGTH);
        maxKeys.setMin(1);
        maxKeys.setMax(RoleService.MAX_KEYS_BOUND);
        maxKeys.setStepButtonsVisible(true);
        maxKeys.setHelperText(t("roles.range", RoleService.MAX_KEYS_BOUND));
        maxDays.setMin(1);
        maxDays.setMax(RoleService.MAX_LIFETIME_BOUND);
        maxDays.setStepButtonsVisible(true);
        maxDays.setHelperText(t("roles.range", RoleService.MAX_LIFETIME_BOUND));

        Div treeView = new Div();
        treeView.addClassName("authority-tree");
        treeView.getElement().setAttribute("role", "group");
        treeView.getElement().setAttribute("aria-label", t("roles.authorities"));
        for (AuthorityNode node : tree.nodes()) {
            Checkbox box = new Checkbox(Text.tOr(
                    "authority." + node.authority().code(), node.authority().name()));
            box.addClassName("level-" + node.authority().level().name().toLowerCase(Locale.ROOT));
            box.setTooltipText(Labels.of(node.authority().level()) + " · "
                    + node.authority().code());
            String code = node.authority().code();
            box.addValueChangeListener(change -> {
                if (showingCoverage) {
                    return;
                }
                if (Boolean.TRUE.equals(change.getValue())) {
                    chosen.add(code);
                } else {
                    chosen.remove(code);
                }
                refreshCoverage();
            });
            authorityBoxes.put(node.authority().code(), box);
        }
        // tree order: each node followed by its subtree
        tree.nodes().stream()
                .filter(node -> node.parentCode() == null)
                .forEach(root -> addSubtree(root.authority().code(), treeView));
        authorityError.addClassName("field-error");
        authorityError.setVisible(false);

        RoleLimits limits = existing.map(RoleDetails::limits).orElse(RoleLimits.DEFAULTS);
        existing.ifPresent(role -> {
            name.setValue(role.name());
            description.setValue(Objects.requireNonNullElse(role.description(), ""));
            role.authorities().stream().filter(authorityBoxes::containsKey).forEach(chosen::add);
        });
        maxKeys.setValue(limits.maxActiveApiKeys());
        maxDays.setValue(limits.maxApiKeyLifetimeDays());
        refreshCoverage();

        errors.field(RoleField.NAME, name)
                .field(RoleField.DESCRIPTION, description)
                .field(RoleField.MAX_ACTIVE_API_KEYS, maxKeys)
                .field(RoleField.MAX_API_KEY_LIFETIME_DAYS, maxDays)
                .target(
                        RoleField.AUTHORITIES,
                        message -> {
                            authorityError.setText(message);
                            authorityError.setVisible(true);
                        },
                        () -> authorityError.setVisible(false));
        Span treeLabel = new Span(t("roles.authorities"));
        treeLabel.addClassName("twin-col-label");
        FormLayout form = new FormLayout(name, description, maxKeys, maxDays);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        add(formError, form, treeLabel, treeView, authorityError);
        if (existing.map(RoleDetails::builtIn).orElse(false)) {
            add(new Paragraph(t("roles.admin.builtin")));
        }

        Button cancel = new Button(editable ? t("action.cancel") : t("action.close"), click -> close());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        if (editable) {
            existing.ifPresent(role -> {
                delete.addClickListener(click -> confirmDelete(role));
                getFooter().add(delete);
            });
            getFooter().add(cancel, save);
        } else {
            getFooter().add(cancel);
            name.setReadOnly(true);
            description.setReadOnly(true);
            maxKeys.setReadOnly(true);
            maxDays.setReadOnly(true);
            authorityBoxes.values().forEach(box -> box.setReadOnly(true));
        }
    }

    private void addSubtree(String code, Div into) {
        into.add(authorityBoxes.get(code));
        tree.childrenOf(code).forEach(child -> addSubtree(child, into));
    }

    /**
     * A chosen node covers its subtree: those boxes show checked and cannot be changed. What is
     * saved is only what was chosen, so unchecking a node gives its subtree back its own choices.
     */
    private void refreshCoverage() {
        showingCoverage = true;
        try {
            authorityBoxes.forEach((code, box) -> {
                boolean covered = tree.hasAncestorIn(code, chosen);
                box.setEnabled(!covered);
                box.setValue(covered || chosen.contains(code));
                if (covered) {
                    box.getElement().setAttribute("title", t("roles.included"));
                } else {
                    box.getElement().removeAttribute("title");
                }
            });
        } finally {
            showingCoverage = false;
        }
    }

    /** The authorities the role will be saved with (before dropping covered ones). */
    Set<String> chosenCodes() {
        return Set.copyOf(chosen);
    }

    private void save() {
        errors.clear();
        RoleForm form = new RoleForm(
                name.getValue(),
                description.getValue(),
                tree.shortest(chosen),
                maxKeys.getValue() == null ? 0 : maxKeys.getValue(),
                maxDays.getValue() == null ? 0 : maxDays.getValue());
        try {
            if (roleId.isPresent()) {
                roles.update(roleId.get(), form);
            } else {
                roles.create(form);
            }
            close();
            onChanged.run();
        } catch (ValidationException refused) {
            errors.show(refused);
        }
    }

    private void confirmDelete(RoleDetails role) {
        Confirmations.destructive(
                t("roles.delete.title", role.name()), t("roles.delete.text"), t("action.delete"), () -> {
                    try {
                        roles.delete(role.id());
                        close();
                        onChanged.run();
                    } catch (ValidationException refused) {
                        errors.show(refused);
                    }
                });
    }
}
