package vn.thidua.web.documents;

import java.util.List;

/**
 * The parts every administrative document has (Decree 30/2020/NĐ-CP): the issuing body (under its parent), the
 * number and symbol, the subject line of a letter, the place and date, the kind and title, whom it is addressed to,
 * the recipients, the signature block, and this application's footer naming the event position it was made at.
 */
public record DocHeading(String issuerParent, String issuer, String number, String subject, String placeDate,
                         String kind, String title, List<String> addressees, List<String> recipients,
                         String signFor, List<String> signTitles, String signer, String footer) {

    public DocHeading {
        addressees = addressees == null ? List.of() : List.copyOf(addressees);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        signTitles = signTitles == null ? List.of() : List.copyOf(signTitles);
    }
}
