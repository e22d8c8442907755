// SPDX-License-Identifier: EUPL-1.2
/**
 * The legal pages (Impressum, Datenschutzerklärung, Erklärung zur Barrierefreiheit) per municipality, the
 * administrators' editor for them and the accessibility feedback form. Texts are plain paragraphs, shown
 * escaped: nothing an administrator types becomes markup.
 */
@NullMarked
package de.openrathaus.privacy.legal;

import org.jspecify.annotations.NullMarked;
