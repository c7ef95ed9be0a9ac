@NullMarked
package com.keyward.audit;

import org.jspecify.annotations.NullMarked;
