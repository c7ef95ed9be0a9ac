package com.keyward.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

class SignInIT extends BrowserTest {

    @Test
    void adminSignsInSeesTheShellAndSignsOut() {
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/login"));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")))
                .isVisible();
        screenshot("login");

        signIn("admin", "admin");
        assertThat(page.locator("vaadin-side-nav").first()).isVisible();
        assertThat(page.getByText("Welcome, Ada Admin.")).isVisible();
        assertThat(page.locator(".user-menu")).containsText("Ada Admin");
        screenshot("shell");

        page.locator(".user-menu").getByText("Ada Admin").click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        assertThat(page).hasURL(url("/login"));
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/login"));
    }

    @Test
    void aWrongPasswordShowsTheGenericError() {
        submitLogin("admin", "not-the-password");
        assertThat(page).hasURL(url("/login?error"));
        assertThat(page.getByText("Sign-in failed")).isVisible();
        assertThat(page.locator("vaadin-app-layout")).hasCount(0);
    }

    @Test
    void olgaIsRefusedWithTheSameAnswerAsAWrongPassword() {
        submitLogin("olga", "olga");
        assertThat(page).hasURL(url("/login?error"));
        assertThat(page.getByText("Sign-in failed")).isVisible();
        assertThat(page.getByText(
                        "a disabled or expired account cannot sign in", new Page.GetByTextOptions().setExact(false)))
                .isVisible();
        assertThat(page.locator("vaadin-app-layout")).hasCount(0);
    }

    @Test
    void theLoginViewAndTheShellHaveNoSeriousAccessibilityViolations() {
        page.navigate(url("/login"));
        page.getByLabel("Username").waitFor();
        assertNoSeriousAccessibilityViolations();

        signIn("admin", "admin");
        page.locator("vaadin-side-nav").first().waitFor();
        assertNoSeriousAccessibilityViolations();
    }
}
