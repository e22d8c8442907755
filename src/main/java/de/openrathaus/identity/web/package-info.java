// SPDX-License-Identifier: EUPL-1.2
/**
 * The identity module's pages and endpoints: starting a sign-in, the assertion consumer service,
 * the service provider's metadata, single logout, and the pages that explain a refusal.
 */
@NullMarked
package de.openrathaus.identity.web;

import org.jspecify.annotations.NullMarked;
