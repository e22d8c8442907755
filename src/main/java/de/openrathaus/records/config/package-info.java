// SPDX-License-Identifier: EUPL-1.2
/**
 * The settings of the electronic file ({@code openrathaus.records.*}) and the choice of its
 * content store.
 */
@NullMarked
package de.openrathaus.records.config;

import org.jspecify.annotations.NullMarked;
