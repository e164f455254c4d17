<?php
// The test site, for tests/e2e/wordpress.mjs: `php install.php HOME_URL QUIZ_URL` installs
// WordPress at HOME_URL if it is not (tables, an admin), points it there, and publishes a post
// whose body is QUIZ_URL alone, as an editor pastes it. Prints the post's id.
[$home, $quiz] = [$argv[1] ?? '', $argv[2] ?? ''];
if (!preg_match('#^http://127\.0\.0\.1:\d+$#', $home) || !preg_match('#^https?://#', $quiz)) {
    fwrite(STDERR, "usage: php install.php http://127.0.0.1:PORT QUIZ_URL\n");
    exit(2);
}
$_SERVER['HTTP_HOST'] = parse_url($home, PHP_URL_HOST) . ':' . parse_url($home, PHP_URL_PORT);
$_SERVER['WORDPRESS_CONFIG'] = 'sourced-e2e';
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
// No mail from a test site (Debian's PHP has no sendmail here).
add_filter('pre_wp_mail', '__return_false');
if (!is_blog_installed()) {
    wp_install('The Example Gazette', 'editor', 'editor@example.com', false, '', wp_generate_password(24));
}
update_option('home', $home);
update_option('siteurl', $home);
$id = wp_insert_post(array(
    'post_title' => 'Carney in Kyiv: test yourself',
    'post_content' => "$quiz\n",
    'post_status' => 'publish',
    'post_author' => 1,
), true);
if (is_wp_error($id)) {
    fwrite(STDERR, 'cannot publish the post: ' . $id->get_error_message() . "\n");
    exit(1);
}
echo $id, "\n";
