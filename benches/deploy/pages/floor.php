<?php

// The floor: nginx, PHP-FPM and a PHP script that does nothing.

echo "ok\n";
