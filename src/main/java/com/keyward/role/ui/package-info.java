@NullMarked
package com.keyward.role.ui;

import org.jspecify.annotations.NullMarked;
