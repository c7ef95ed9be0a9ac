package com.keyward.ui;

import com.vaadin.flow.component.UI;

/**
 * While a modal window is open, everything behind it is {@code inert}: out of the accessibility
 * tree and out of the Tab order, so a screen reader reads the window alone and Tab cannot wander
 * into the page beneath. The window opened last is the one that counts (a confirmation over Save
 * generated key); notifications stay reachable. Undone as the window closes.
 */
final class ModalBackground {

    private static final String SCRIPT = """
            if (!window.keywardModalBackground) {
              window.keywardModalBackground = true;
              const order = [];
              const keep = e => e.localName.startsWith('vaadin-notification') || e.localName.endsWith('-overlay')
                || e.localName === 'vaadin-tooltip' || e.localName === 'script' || e.localName === 'style';
              const update = () => {
                document.querySelectorAll('[data-keyward-inert]').forEach(e => {
                  e.inert = false;
                  e.removeAttribute('data-keyward-inert');
                });
                const open = [...document.querySelectorAll('vaadin-dialog[opened]:not([modeless])')];
                for (let i = order.length - 1; i >= 0; i--) {
                  if (!open.includes(order[i])) { order.splice(i, 1); }
                }
                open.filter(d => !order.includes(d)).forEach(d => order.push(d));
                let node = order[order.length - 1];
                while (node && node !== document.body) {
                  const parent = node.parentElement;
                  if (!parent) { break; }
                  for (const sibling of parent.children) {
                    if (sibling !== node && !sibling.inert && !keep(sibling)) {
                      sibling.inert = true;
                      sibling.setAttribute('data-keyward-inert', '');
                    }
                  }
                  node = parent;
                }
              };
              new MutationObserver(update).observe(document.body,
                { subtree: true, childList: true, attributes: true, attributeFilter: ['opened'] });
            }
            """;

    private ModalBackground() {}

    static void watch(UI ui) {
        ui.getPage().executeJs(SCRIPT);
    }
}
