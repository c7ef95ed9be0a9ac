-- Keyward backup of database keyward, schema version 5, taken 2026-12-07T21:00:09Z
/*M!999999\- enable the sandbox mode */ 
-- MariaDB dump 10.19-11.4.5-MariaDB, for linux-systemd (x86_64)
--
-- Host: 127.0.0.1    Database: keyward
-- ------------------------------------------------------
-- Server version	11.4.5-MariaDB

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;
/*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
/*M!100616 SET @OLD_NOTE_VERBOSITY=@@NOTE_VERBOSITY, NOTE_VERBOSITY=0 */;

--
-- Table structure for table `api_key`
--

DROP TABLE IF EXISTS `api_key`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `api_key` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `owner_id` bigint(20) NOT NULL,
  `name` varchar(100) NOT NULL,
  `description` varchar(500) DEFAULT NULL,
  `key_digest` binary(32) NOT NULL,
  `hint` varchar(16) NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `expires_at` datetime(6) NOT NULL,
  `revoked_at` datetime(6) DEFAULT NULL,
  `revoked_by` bigint(20) DEFAULT NULL,
  `last_used_at` datetime(6) DEFAULT NULL,
  `last_used_ip` varchar(45) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_api_key_digest` (`key_digest`),
  KEY `ix_api_key_owner` (`owner_id`,`revoked_at`,`expires_at`),
  KEY `fk_api_key_revoked_by` (`revoked_by`),
  CONSTRAINT `fk_api_key_owner` FOREIGN KEY (`owner_id`) REFERENCES `app_user` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk_api_key_revoked_by` FOREIGN KEY (`revoked_by`) REFERENCES `app_user` (`id`),
  CONSTRAINT `ck_api_key_expiry` CHECK (`expires_at` > `created_at`)
) ENGINE=InnoDB AUTO_INCREMENT=4 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='API keys, stored as SHA-256 digests';
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `api_key`
--

LOCK TABLES `api_key` WRITE;
/*!40000 ALTER TABLE `api_key` DISABLE KEYS */;
INSERT INTO `api_key` VALUES
(1,1,'ada-ops','Ada\'s operations key',0x8CAE73FD291250449B9A73286F4DFD73555D361308A705EA518910B1C3F652F8,'kw_emtx…47g3','2026-11-28 11:00:00.000000','2036-11-28 11:00:00.000000',NULL,NULL,NULL,NULL),
(2,2,'bob-audit',NULL,0x6D19902693EC3E1AD6DA3FD90ED51C502708E4E03926392167AEADA6E8D4AD65,'kw_9lEI…AyL6','2026-11-28 11:00:00.000000','2036-11-28 11:00:00.000000',NULL,NULL,NULL,NULL),
(3,1,'ada-old','revoked before the upgrade',0x441DA3DBADCF957928B43D9D72FD86B78A5212CAB7DEB21D64980DFC042B6693,'kw_V2ug…a0Nc','2026-11-28 11:00:00.000000','2036-11-28 11:00:00.000000','2026-11-28 12:00:00.000000',1,NULL,NULL);
/*!40000 ALTER TABLE `api_key` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `api_key_set`
--

DROP TABLE IF EXISTS `api_key_set`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `api_key_set` (
  `api_key_id` bigint(20) NOT NULL,
  `api_set_code` varchar(32) NOT NULL,
  PRIMARY KEY (`api_key_id`,`api_set_code`),
  KEY `fk_api_key_set_set` (`api_set_code`),
  CONSTRAINT `fk_api_key_set_key` FOREIGN KEY (`api_key_id`) REFERENCES `api_key` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk_api_key_set_set` FOREIGN KEY (`api_set_code`) REFERENCES `api_set` (`code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `api_key_set`
--

LOCK TABLES `api_key_set` WRITE;
/*!40000 ALTER TABLE `api_key_set` DISABLE KEYS */;
INSERT INTO `api_key_set` VALUES
(1,'ACCOUNT'),
(2,'ACCOUNT'),
(3,'ACCOUNT'),
(1,'AUDIT'),
(2,'AUDIT'),
(1,'USERS');
/*!40000 ALTER TABLE `api_key_set` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `api_set`
--

DROP TABLE IF EXISTS `api_set`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `api_set` (
  `code` varchar(32) NOT NULL,
  `name` varchar(100) NOT NULL,
  `description` varchar(500) NOT NULL,
  `position` int(11) NOT NULL,
  PRIMARY KEY (`code`),
  UNIQUE KEY `uk_api_set_name` (`name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='Groups of REST endpoints a key can unlock';
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `api_set`
--

LOCK TABLES `api_set` WRITE;
/*!40000 ALTER TABLE `api_set` DISABLE KEYS */;
INSERT INTO `api_set` VALUES
('ACCOUNT','Account API','The key owner\'s own account, roles, authorities and API keys.',1),
('AUDIT','Audit API','Audit events, newest first (needs View Audit Log).',4),
('ROLES','Roles API','Roles with their authorities and limits (needs View Roles).',3),
('USERS','Users API','User accounts, paged and filtered (needs View Users).',2);
/*!40000 ALTER TABLE `api_set` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `app_user`
--

DROP TABLE IF EXISTS `app_user`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `app_user` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `username` varchar(64) NOT NULL,
  `display_name` varchar(200) NOT NULL,
  `email` varchar(254) NOT NULL,
  `status` varchar(16) NOT NULL DEFAULT 'ENABLED',
  `account_expires_at` datetime(6) DEFAULT NULL,
  `password_hash` varchar(255) DEFAULT NULL,
  `failed_sign_ins` int(11) NOT NULL DEFAULT 0,
  `created_at` datetime(6) NOT NULL,
  `last_sign_in_at` datetime(6) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_app_user_username` (`username`),
  KEY `ix_app_user_display_name` (`display_name`),
  KEY `ix_app_user_email` (`email`),
  KEY `ix_app_user_status_username` (`status`,`username`),
  KEY `ix_app_user_last_sign_in` (`last_sign_in_at`),
  CONSTRAINT `ck_app_user_status` CHECK (`status` in ('ENABLED','DISABLED','LOCKED')),
  CONSTRAINT `ck_app_user_failed_sign_ins` CHECK (`failed_sign_ins` >= 0)
) ENGINE=InnoDB AUTO_INCREMENT=4 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='People who can sign in';
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `app_user`
--

LOCK TABLES `app_user` WRITE;
/*!40000 ALTER TABLE `app_user` DISABLE KEYS */;
INSERT INTO `app_user` VALUES
(1,'ada','Ada Lovelace','ada@example.com','ENABLED',NULL,'{bcrypt}$2a$10$Y4obuS.fv0pgzODvfsnrvO5HjXBG8HA68qo5g9Jc.MxEY34TZIuRy',0,'2026-11-28 10:00:00.000000',NULL),
(2,'bob','Bob Auditor','bob@example.com','ENABLED',NULL,NULL,0,'2026-11-28 10:05:00.000000',NULL),
(3,'carol','Carol Gone','carol@example.com','DISABLED',NULL,NULL,0,'2026-11-28 10:06:00.000000',NULL);
/*!40000 ALTER TABLE `app_user` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `audit_event`
--

DROP TABLE IF EXISTS `audit_event`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `audit_event` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `occurred_at` datetime(6) NOT NULL,
  `type` varchar(64) NOT NULL,
  `actor_id` bigint(20) DEFAULT NULL,
  `actor_username` varchar(64) DEFAULT NULL,
  `target_user_id` bigint(20) DEFAULT NULL,
  `target_username` varchar(64) DEFAULT NULL,
  `details` varchar(1000) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `ix_audit_event_time` (`occurred_at`),
  KEY `ix_audit_event_type_time` (`type`,`occurred_at`),
  KEY `ix_audit_event_actor_time` (`actor_username`,`occurred_at`),
  KEY `ix_audit_event_target_time` (`target_username`,`occurred_at`)
) ENGINE=InnoDB AUTO_INCREMENT=7 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='Who did what to whom, when; never a secret';
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `audit_event`
--

LOCK TABLES `audit_event` WRITE;
/*!40000 ALTER TABLE `audit_event` DISABLE KEYS */;
INSERT INTO `audit_event` VALUES
(1,'2026-11-28 10:01:00.000000','ROLE_CREATED',1,'ada',NULL,NULL,'Auditors'),
(2,'2026-11-28 10:05:30.000000','ROLE_ASSIGNED',1,'ada',2,'bob','Auditors'),
(3,'2026-11-28 10:07:00.000000','ACCOUNT_DISABLED',1,'ada',3,'carol','left the company'),
(4,'2026-11-28 11:00:00.000000','API_KEY_GENERATED',1,'ada',1,'ada','ada-ops'),
(5,'2026-11-28 11:00:00.000000','API_KEY_GENERATED',2,'bob',2,'bob','bob-audit'),
(6,'2026-11-28 12:00:00.000000','API_KEY_REVOKED',1,'ada',1,'ada','ada-old');
/*!40000 ALTER TABLE `audit_event` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `authority`
--

DROP TABLE IF EXISTS `authority`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `authority` (
  `code` varchar(64) NOT NULL,
  `name` varchar(100) NOT NULL,
  `level` varchar(16) NOT NULL,
  `parent_code` varchar(64) DEFAULT NULL,
  `position` int(11) NOT NULL,
  PRIMARY KEY (`code`),
  KEY `ix_authority_parent` (`parent_code`),
  CONSTRAINT `fk_authority_parent` FOREIGN KEY (`parent_code`) REFERENCES `authority` (`code`),
  CONSTRAINT `ck_authority_level` CHECK (`level` in ('APPLICATION','AREA','ACTION')),
  CONSTRAINT `ck_authority_root` CHECK (`level` = 'APPLICATION' = (`parent_code` is null))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='Security authorities: Application > Area > Action; holding one grants all beneath it';
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `authority`
--

LOCK TABLES `authority` WRITE;
/*!40000 ALTER TABLE `authority` DISABLE KEYS */;
INSERT INTO `authority` VALUES
('ADMINISTRATION','Administration','APPLICATION',NULL,1),
('AUDIT','Audit','AREA','ADMINISTRATION',3),
('MANAGE_ROLES','Manage Roles','ACTION','ROLES',2),
('MANAGE_USER_API_KEY','Manage User API Key','ACTION','USERS',3),
('MANAGE_USERS','Manage Users','ACTION','USERS',2),
('REVOKE_USER_API_KEYS','Revoke User API Keys','ACTION','USERS',4),
('ROLES','Roles and Authorities','AREA','ADMINISTRATION',2),
('USERS','Users','AREA','ADMINISTRATION',1),
('VIEW_AUDIT_LOG','View Audit Log','ACTION','AUDIT',1),
('VIEW_ROLES','View Roles','ACTION','ROLES',1),
('VIEW_USERS','View Users','ACTION','USERS',1);
/*!40000 ALTER TABLE `authority` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `flyway_schema_history`
--

DROP TABLE IF EXISTS `flyway_schema_history`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `flyway_schema_history` (
  `installed_rank` int(11) NOT NULL,
  `version` varchar(50) DEFAULT NULL,
  `description` varchar(200) NOT NULL,
  `type` varchar(20) NOT NULL,
  `script` varchar(1000) NOT NULL,
  `checksum` int(11) DEFAULT NULL,
  `installed_by` varchar(100) NOT NULL,
  `installed_on` timestamp NOT NULL DEFAULT current_timestamp(),
  `execution_time` int(11) NOT NULL,
  `success` tinyint(1) NOT NULL,
  PRIMARY KEY (`installed_rank`),
  KEY `flyway_schema_history_s_idx` (`success`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `flyway_schema_history`
--

LOCK TABLES `flyway_schema_history` WRITE;
/*!40000 ALTER TABLE `flyway_schema_history` DISABLE KEYS */;
INSERT INTO `flyway_schema_history` VALUES
(1,'1','users roles authorities','SQL','V1__users_roles_authorities.sql',-714619792,'keyward','2026-12-07 21:00:05',517,1),
(2,'2','authority tree and admin role','SQL','V2__authority_tree_and_admin_role.sql',876067283,'keyward','2026-12-07 21:00:05',17,1),
(3,'3','user grid indexes','SQL','V3__user_grid_indexes.sql',-1144594520,'keyward','2026-12-07 21:00:05',485,1),
(4,'4','api sets keys audit','SQL','V4__api_sets_keys_audit.sql',737445354,'keyward','2026-12-07 21:00:06',530,1),
(5,'5','audit filter indexes','SQL','V5__audit_filter_indexes.sql',699388538,'keyward','2026-12-07 21:00:06',219,1);
/*!40000 ALTER TABLE `flyway_schema_history` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `role`
--

DROP TABLE IF EXISTS `role`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `role` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `name` varchar(100) NOT NULL,
  `description` varchar(500) DEFAULT NULL,
  `built_in` tinyint(1) NOT NULL DEFAULT 0,
  `created_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_role_name` (`name`)
) ENGINE=InnoDB AUTO_INCREMENT=3 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='Roles carry authorities and limits';
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `role`
--

LOCK TABLES `role` WRITE;
/*!40000 ALTER TABLE `role` DISABLE KEYS */;
INSERT INTO `role` VALUES
(1,'Admin','Built-in: every authority of the Administration application.',1,'2026-12-07 21:00:05.060594'),
(2,'Auditors','Read the audit log',0,'2026-11-28 10:01:00.000000');
/*!40000 ALTER TABLE `role` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `role_authority`
--

DROP TABLE IF EXISTS `role_authority`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `role_authority` (
  `role_id` bigint(20) NOT NULL,
  `authority_code` varchar(64) NOT NULL,
  PRIMARY KEY (`role_id`,`authority_code`),
  KEY `ix_role_authority_authority` (`authority_code`),
  CONSTRAINT `fk_role_authority_authority` FOREIGN KEY (`authority_code`) REFERENCES `authority` (`code`),
  CONSTRAINT `fk_role_authority_role` FOREIGN KEY (`role_id`) REFERENCES `role` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `role_authority`
--

LOCK TABLES `role_authority` WRITE;
/*!40000 ALTER TABLE `role_authority` DISABLE KEYS */;
INSERT INTO `role_authority` VALUES
(1,'ADMINISTRATION'),
(2,'VIEW_AUDIT_LOG');
/*!40000 ALTER TABLE `role_authority` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `role_limit`
--

DROP TABLE IF EXISTS `role_limit`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `role_limit` (
  `role_id` bigint(20) NOT NULL,
  `limit_code` varchar(64) NOT NULL,
  `limit_value` int(11) NOT NULL,
  PRIMARY KEY (`role_id`,`limit_code`),
  CONSTRAINT `fk_role_limit_role` FOREIGN KEY (`role_id`) REFERENCES `role` (`id`) ON DELETE CASCADE,
  CONSTRAINT `ck_role_limit_code` CHECK (`limit_code` in ('MAX_ACTIVE_API_KEYS','MAX_API_KEY_LIFETIME_DAYS')),
  CONSTRAINT `ck_role_limit_value` CHECK (`limit_value` >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='A missing row means the default; a user with several roles gets the largest value';
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `role_limit`
--

LOCK TABLES `role_limit` WRITE;
/*!40000 ALTER TABLE `role_limit` DISABLE KEYS */;
INSERT INTO `role_limit` VALUES
(2,'MAX_ACTIVE_API_KEYS',3);
/*!40000 ALTER TABLE `role_limit` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `user_role`
--

DROP TABLE IF EXISTS `user_role`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `user_role` (
  `user_id` bigint(20) NOT NULL,
  `role_id` bigint(20) NOT NULL,
  PRIMARY KEY (`user_id`,`role_id`),
  KEY `ix_user_role_role` (`role_id`),
  CONSTRAINT `fk_user_role_role` FOREIGN KEY (`role_id`) REFERENCES `role` (`id`),
  CONSTRAINT `fk_user_role_user` FOREIGN KEY (`user_id`) REFERENCES `app_user` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `user_role`
--

LOCK TABLES `user_role` WRITE;
/*!40000 ALTER TABLE `user_role` DISABLE KEYS */;
INSERT INTO `user_role` VALUES
(1,1),
(2,2);
/*!40000 ALTER TABLE `user_role` ENABLE KEYS */;
UNLOCK TABLES;
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
/*M!100616 SET NOTE_VERBOSITY=@OLD_NOTE_VERBOSITY */;

-- Dump completed on 2026-12-07 21:00:09
