"""The notices screen: planned interruptions, their notices and the outbox; approval, the SMS
template editor, letters, and the scheduler that sends what is due."""
