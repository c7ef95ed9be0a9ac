package com.keyward.user.ui;

import com.keyward.ui.PublicAddress;
import com.keyward.user.SetPasswordLink;
import com.keyward.user.SetPasswordMail;
import java.util.List;
import org.springframework.stereotype.Component;

/** How new set-password links reach their people: by mail where configured, else shown once. */
@Component
class SetPasswordLinkHandOver {

    private final SetPasswordMail mail;
    private final PublicAddress address;

    SetPasswordLinkHandOver(SetPasswordMail mail, PublicAddress address) {
        this.mail = mail;
        this.address = address;
    }

    /**
     * Where mail is set up, each link goes to its person and the administrator is told; a link
     * that could not be mailed, or every link without mail, is shown once on screen instead.
     */
    void handOver(List<SetPasswordLink> links, boolean reset, String title) {
        List<SetPasswordLink> unsent = links;
        if (mail.enabled()) {
            unsent = links.stream().filter(link -> !mail.send(link, reset)).toList();
            int sent = links.size() - unsent.size();
            if (sent > 0) {
                Notices.success(
                        sent == 1
                                ? "A set-password link was mailed to "
                                        + links.getFirst().email() + "."
                                : sent + " set-password links were mailed.");
            }
            if (!unsent.isEmpty()) {
                Notices.error(unsent.size() + (unsent.size() == 1 ? " link" : " links")
                        + " could not be mailed: they are shown instead.");
            }
        }
        if (!unsent.isEmpty()) {
            new SetPasswordLinksDialog(unsent, address, title).open();
        }
    }
}
