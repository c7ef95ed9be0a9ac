package com.keyward.user.ui;

import static com.keyward.ui.Text.t;

import com.keyward.user.AccountSource;
import com.keyward.user.DirectorySyncs;
import com.keyward.user.ExternalAccounts;
import com.keyward.user.UserAccountDetails;
import com.keyward.validation.NotFoundException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.annotation.Nullable;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;

/**
 * Link to an outside identity: an administrator binds a local account to a directory entry (found
 * by the directory username) or to an SSO provider's issuer and subject. The person then signs in
 * there; the Keyward password stops working. A refusal is said in the dialog, which stays open.
 */
class LinkIdentityDialog extends Dialog {

    final RadioButtonGroup<AccountSource> source = new RadioButtonGroup<>(t("link.source"));
    final TextField directoryUsername = new TextField(t("link.directory.username"));
    final TextField issuer = new TextField(t("link.sso.issuer"));
    final TextField subject = new TextField(t("link.sso.subject"));
    final Paragraph problem = new Paragraph();
    final Button link = new Button(t("link.action"));

    LinkIdentityDialog(
            UserAccountDetails account,
            ExternalAccounts external,
            @Nullable DirectorySyncs directory,
            Runnable onLinked) {
        setHeaderTitle(t("link.title", account.username()));
        getElement().setAttribute("aria-label", t("link.title", account.username()));
        setWidth("min(36rem, 100vw)");
        source.setItems(
                directory == null ? List.of(AccountSource.SSO) : List.of(AccountSource.DIRECTORY, AccountSource.SSO));
        source.setItemLabelGenerator(
                choice -> t(choice == AccountSource.DIRECTORY ? "link.source.directory" : "link.source.sso"));
        source.setValue(directory == null ? AccountSource.SSO : AccountSource.DIRECTORY);
        issuer.setHelperText(t("link.sso.issuer.hint"));
        subject.setHelperText(t("link.sso.subject.hint"));
        problem.addClassName("form-error");
        problem.setVisible(false);
        FormLayout form = new FormLayout(source, directoryUsername, issuer, subject);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(new Paragraph(t("link.text")), problem, form);
        source.addValueChangeListener(changed -> showFieldsOf(changed.getValue()));
        showFieldsOf(source.getValue());

        link.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        link.addClickListener(click -> {
            try {
                if (source.getValue() == AccountSource.DIRECTORY && directory != null) {
                    directory.linkToDirectory(
                            account.id(), directoryUsername.getValue().strip());
                } else {
                    external.link(
                            account.id(),
                            AccountSource.SSO,
                            issuer.getValue().strip(),
                            subject.getValue().strip());
                }
                close();
                Notices.success(t("link.done", account.username()));
                onLinked.run();
            } catch (AccessDeniedException | IllegalStateException | NotFoundException refused) {
                problem.setText(t(refused));
                problem.setVisible(true);
            }
        });
        getFooter().add(new Button(t("action.cancel"), click -> close()), link);
    }

    private void showFieldsOf(@Nullable AccountSource chosen) {
        directoryUsername.setVisible(chosen == AccountSource.DIRECTORY);
        issuer.setVisible(chosen == AccountSource.SSO);
        subject.setVisible(chosen == AccountSource.SSO);
    }
}
