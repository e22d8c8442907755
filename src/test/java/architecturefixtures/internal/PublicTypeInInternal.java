// SPDX-License-Identifier: EUPL-1.2
package architecturefixtures.internal;

/**
 * Breaks the rule on purpose: {@code ArchitectureTests} shows its rules fail on this. Outside
 * {@code de.openrathaus}, so neither component scanning nor Modulith ever sees it.
 */
public class PublicTypeInInternal {
}
