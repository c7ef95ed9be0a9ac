@NullMarked
package com.keyward.audit.ui;

import org.jspecify.annotations.NullMarked;
