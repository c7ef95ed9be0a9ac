/**
 * The database: the embedded MariaDB default, and the jOOQ classes generated from the schema.
 * An open module: every module's repositories use the generated classes of the tables it owns.
 */
@ApplicationModule(displayName = "Database", type = ApplicationModule.Type.OPEN)
@NullMarked
package com.keyward.db;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
