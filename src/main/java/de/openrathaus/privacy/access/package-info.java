// SPDX-License-Identifier: EUPL-1.2
/**
 * The data subject's access request (Art. 15 GDPR) answered in the portal: every module that keeps
 * personal data contributes through {@link de.openrathaus.personaldata.PersonalDataSource}; this
 * package puts the parts into one ZIP with a readable PDF summary and the machine-readable data.
 */
@NullMarked
package de.openrathaus.privacy.access;

import org.jspecify.annotations.NullMarked;
