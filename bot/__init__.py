"""linli (邻里): a bot for residential building group chats on Telegram and WeChat."""

__version__ = "0.1.0"
