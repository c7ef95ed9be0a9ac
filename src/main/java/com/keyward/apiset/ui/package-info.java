@NullMarked
package com.keyward.apiset.ui;

import org.jspecify.annotations.NullMarked;
