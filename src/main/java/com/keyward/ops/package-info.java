/**
 * Running Keyward: request ids in logs and problem bodies, and access to its metrics.
 */
@ApplicationModule(displayName = "Operations", type = ApplicationModule.Type.OPEN)
@NullMarked
package com.keyward.ops;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
