// SPDX-License-Identifier: EUPL-1.2
/**
 * Web: how every module's pages and APIs answer a request that is refused. A module throws one
 * {@link de.openrathaus.web.Refusal} (a message key and its arguments); one advice turns it into
 * the flash message of the page the controller names with {@link de.openrathaus.web.OnRefusal}, or
 * into an RFC 9457 problem response ({@code application/problem+json}, {@code type} under
 * {@value de.openrathaus.web.Refusal#PROBLEM_TYPES}) for the APIs. It must never hold domain rules
 * or know another module's URLs.
 */
@NullMarked
package de.openrathaus.web;

import org.jspecify.annotations.NullMarked;
