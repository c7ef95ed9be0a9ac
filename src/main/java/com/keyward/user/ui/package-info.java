@NullMarked
package com.keyward.user.ui;

import org.jspecify.annotations.NullMarked;
