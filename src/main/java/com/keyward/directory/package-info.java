/**
 * The company directory (LDAP / Active Directory): sign-in by bind, group-to-role mapping, and the
 * sync that disables people the directory no longer has. Present only where configured.
 */
@NullMarked
package com.keyward.directory;

import org.jspecify.annotations.NullMarked;
