// SPDX-License-Identifier: EUPL-1.2
/**
 * Generated documents: renders Thymeleaf templates to archivable PDF/A-2b (receipts, decisions,
 * the measure plan for the board). The frame every document shares is
 * {@code templates/documents/base.html}.
 */
@NullMarked
package de.openrathaus.files;

import org.jspecify.annotations.NullMarked;
