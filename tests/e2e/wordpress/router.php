<?php
// PHP's built-in server as WordPress's web server (tests/e2e/wordpress.mjs starts it):
// `php -S 127.0.0.1:PORT -t /usr/share/wordpress router.php`. Static files are served as they
// are; everything else goes to the PHP file asked for, or to index.php. It picks this site's
// config as Apache's `SetEnv WORDPRESS_CONFIG` would.
$_SERVER['WORDPRESS_CONFIG'] = 'sourced-e2e';
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$file = realpath($_SERVER['DOCUMENT_ROOT'] . $path);
// Only WordPress's own files (Debian links a few to /etc/wordpress: those are WordPress's too).
if ($file && strpos($file, '/usr/share/wordpress/') !== 0 && strpos($file, '/etc/wordpress/') !== 0) {
    $file = false;
}
if ($file && is_file($file) && substr($file, -4) !== '.php') {
    return false;
}
if ($file && is_file($file)) {
    chdir(dirname($file));
    require $file;
    return true;
}
chdir($_SERVER['DOCUMENT_ROOT']);
require 'index.php';
