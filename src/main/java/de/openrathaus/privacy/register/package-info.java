// SPDX-License-Identifier: EUPL-1.2
/**
 * The register of processing activities (Verzeichnis von Verarbeitungstätigkeiten, Art. 30 GDPR): generated from the
 * catalogue's processes marked "personal data", completed by hand by the data protection officer, published in
 * numbered versions and exported as PDF/A and XLSX. It reads the catalogue only through its narrow interface.
 */
@NullMarked
package de.openrathaus.privacy.register;

import org.jspecify.annotations.NullMarked;
