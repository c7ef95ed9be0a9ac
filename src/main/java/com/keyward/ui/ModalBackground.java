package com.keyward.ui;

import com.vaadin.flow.component.UI;

/**
 * While a modal window is open, the shell behind it (navigation, title bar, the view around the
 * window) is {@code inert}: out of the accessibility tree and out of the Tab order, so a screen
 * reader reads the window alone and Tab cannot wander into the page beneath. The window opened
 * last is the one that counts (a confirmation over Save generated key); other windows, Vaadin's
 * own elements beside the shell and notifications are left alone. Undone as the window closes.
 */
final class ModalBackground {

    private static final String SCRIPT = """
            if (!window.keywardModalBackground) {
              window.keywardModalBackground = true;
              const order = [];
              const keep = e => e.localName.startsWith('vaadin-notification') || e.localName.endsWith('-overlay')
                || e.localName === 'vaadin-dialog' || e.localName === 'vaadin-tooltip' || e.localName === 'script'
                || e.localName === 'style';
              const update = () => {
                document.querySelectorAll('[data-keyward-inert]').forEach(e => {
                  e.inert = false;
                  e.removeAttribute('data-keyward-inert');
                });
                // a window fading out no longer holds the page: typing may start as it goes
                const open = [...document.querySelectorAll('vaadin-dialog[opened]:not([modeless]):not([closing])')];
                for (let i = order.length - 1; i >= 0; i--) {
                  if (!open.includes(order[i])) { order.splice(i, 1); }
                }
                open.filter(d => !order.includes(d)).forEach(d => order.push(d));
                const top = order[order.length - 1];
                const layout = document.querySelector('vaadin-app-layout');
                const mark = e => {
                  if (!e.inert && !keep(e)) {
                    e.inert = true;
                    e.setAttribute('data-keyward-inert', '');
                  }
                };
                if (!top || !layout) { return; }
                if (!layout.contains(top)) {
                  // a window of its own beside the shell: the whole shell is behind it
                  mark(layout);
                  return;
                }
                // a window inside a view: everything of the shell but the way up to it
                let node = top;
                while (node && node !== layout) {
                  const parent = node.parentElement;
                  if (!parent) { break; }
                  [...parent.children].filter(sibling => sibling !== node).forEach(mark);
                  node = parent;
                }
              };
              new MutationObserver(update).observe(document.body,
                { subtree: true, childList: true, attributes: true, attributeFilter: ['opened', 'closing'] });
            }
            """;

    private ModalBackground() {}

    static void watch(UI ui) {
        ui.getPage().executeJs(SCRIPT);
    }
}
