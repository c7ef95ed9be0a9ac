@NullMarked
package com.keyward.apiset;

import org.jspecify.annotations.NullMarked;
